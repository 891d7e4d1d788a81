create table p (id int primary key, code text);
