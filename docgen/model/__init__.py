"""docgen.model."""
