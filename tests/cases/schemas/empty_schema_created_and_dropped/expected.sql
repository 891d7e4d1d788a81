create schema if not exists "coming";

drop schema if exists "going";

