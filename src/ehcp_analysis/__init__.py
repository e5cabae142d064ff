"""EHCP pre-audit engine: read plan documents, find sections A-K, check them, suggest a grade.

Pure Python; never imports Django.
"""

ENGINE_VERSION = "0.1.0"
