-- Case-insensitive text for e-mail addresses, trigram indexes for fuzzy name search.
create extension citext;
create extension pg_trgm;
