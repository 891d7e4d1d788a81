create domain pct as integer constraint range check (value between 0 and 100);
