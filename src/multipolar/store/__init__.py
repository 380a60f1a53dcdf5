"""The store: the only package that imports duckdb."""
