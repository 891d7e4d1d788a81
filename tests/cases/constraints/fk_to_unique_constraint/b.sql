create table p (id int primary key, code text constraint p_code_key unique);
create table c (id int, p_code text constraint c_p_code_fkey references p (code));
