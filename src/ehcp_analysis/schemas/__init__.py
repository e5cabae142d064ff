"""JSON Schemas of the engine's outputs, shipped as package data (load with ``ehcp_analysis.report.load_schema``)."""
