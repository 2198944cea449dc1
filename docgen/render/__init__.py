"""docgen.render."""
