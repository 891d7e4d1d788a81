comment on schema "a" is E'new: it''s \\ here';

comment on schema "b" is 'added';

comment on schema "c" is null;

