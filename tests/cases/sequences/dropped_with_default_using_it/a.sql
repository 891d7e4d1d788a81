create sequence s;
create table t (id bigint default nextval('s'));
