"""`make bench`: build time, page weight, search index, Lighthouse and the editors' loop,
measured against the budgets of issue 5. Run as `python -m bench.meet` from the project root.
"""
