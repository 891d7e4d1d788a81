create domain email as text collate "C" default 'nobody@example.com' not null
  constraint has_at check (value like '%@%')
  constraint short check (length(value) < 200);
comment on domain email is 'an e-mail address';
comment on constraint has_at on domain email is 'needs an @';
create domain email_list as email[];
create table t (id int, e email, es email_list, e2 email default 'x@y');
