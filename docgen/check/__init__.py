"""docgen.check."""
