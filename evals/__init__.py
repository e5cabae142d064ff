"""Quality evaluations of the analysis engine against labelled synthetic corpora (run with python -m)."""
