//! The knowledge base the reader uses: actors, states and their metonyms, agencies, demonyms.
