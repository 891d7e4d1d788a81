create type status as enum ('new', 'open', 'done');
