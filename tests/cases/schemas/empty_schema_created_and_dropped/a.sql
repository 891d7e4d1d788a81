create schema going;
