"""MkDocs glue: the build's state, the hook and the macros of the hand-written pages."""
