create table other (id int);
