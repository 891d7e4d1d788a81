create table r (id int, during tstzrange, constraint r_no_overlap exclude using gist (during with &&) where (id > 0));
