create table c (a int, b text, extra int, constraint p_a check (a > 0));
