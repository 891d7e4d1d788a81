create unlogged sequence s;
