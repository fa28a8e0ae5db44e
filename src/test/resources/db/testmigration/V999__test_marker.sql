CREATE TABLE test_marker (id INT);
