create sequence s as integer;
create sequence t as smallint;
