//! Counts of people with their qualifiers ("some 140", "at least 133", "dozens").
