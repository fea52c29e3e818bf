/**
 * Users, roles and areas; login, lockout, the API's authentication; scoping of person
 * data by area ({@link vn.socialmap.security.AccessScope}); break-the-glass grants; and
 * small-cell suppression of counts for roles that may not see persons.
 */
package vn.socialmap.security;
