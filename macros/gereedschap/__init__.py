"""Editor tools behind `python -m macros`: CLI, open data, new year, change summary, synthetic data."""
