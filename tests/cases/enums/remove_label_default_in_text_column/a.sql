create type mood as enum ('sad', 'ok', 'happy', 'ecstatic');
create table diary (id int, mood_text text default ('ok'::mood)::text, m mood default 'happy');
