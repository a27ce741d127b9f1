"""The data layer: read, validate and model the YAML data. Never imports MkDocs or Jinja."""
