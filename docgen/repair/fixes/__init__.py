"""The fix families, one module each. A family is `fix(job) -> None`, appending `Fix` records
to `job.fixes`; it edits only elements that the checker's rules would report."""
