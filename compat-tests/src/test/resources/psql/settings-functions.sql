select current_setting('TimeZone'), current_setting('application_name'), current_setting('no.such', true);
select current_setting('no_such_setting');
select set_config('application_name', 'myapp', false);
show application_name;
select set_config('myapp.tenant', '42', false), current_setting('myapp.tenant');
select set_config('DateStyle', 'German', false);
select set_config('extra_float_digits', '2', false), current_setting('extra_float_digits');
select set_config('server_version', '1', false);
