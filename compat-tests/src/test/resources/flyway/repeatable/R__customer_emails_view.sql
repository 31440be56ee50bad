create or replace view customer_emails as
    select name, email from customers where email is not null;
