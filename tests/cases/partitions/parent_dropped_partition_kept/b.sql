create table p_1 (id int, v text);
