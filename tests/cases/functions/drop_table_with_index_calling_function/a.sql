create function normalize_code(code text) returns text language sql immutable
  return lower(trim(code));
create table product (id int primary key, code text not null);
create unique index product_code_idx on product (normalize_code(code));
create table other (id int, note text, check (normalize_code(note) <> ''));
