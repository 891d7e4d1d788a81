create sequence t_id_seq as integer;
create table u (id int default nextval('t_id_seq'));
alter sequence t_id_seq owned by u.id;
