create unlogged table t (id serial, v text);
