"""Stories: near-duplicate articles, cross-document event coreference and topic grouping."""
