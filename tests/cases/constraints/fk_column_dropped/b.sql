create table p (id int primary key);
create table c (id int, v text);
