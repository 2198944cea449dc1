"""docgen.vn."""
