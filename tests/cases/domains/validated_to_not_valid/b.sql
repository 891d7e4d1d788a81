create domain pct as integer;
alter domain pct add constraint range check (value between 0 and 100) not valid;
comment on constraint range on domain pct is 'not checked for old rows';
