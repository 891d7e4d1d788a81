create schema coming;
