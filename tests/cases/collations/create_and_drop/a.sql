create collation posix_copy from "POSIX";
create table t (id int, a text collate posix_copy);
