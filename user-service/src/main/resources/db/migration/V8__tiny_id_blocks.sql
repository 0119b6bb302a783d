-- The service takes tiny ids from this sequence a block of 20 at a time (JdbcTinyIds.BLOCK): a value hi stands for
-- hi-19 .. hi. Values already handed out stay below the next value, so blocks never overlap ids in use.
ALTER SEQUENCE user_tiny_id_seq INCREMENT BY 20;
