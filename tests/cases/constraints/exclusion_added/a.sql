create table r (id int, during tstzrange);
