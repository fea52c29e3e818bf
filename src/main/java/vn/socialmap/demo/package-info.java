/**
 * Demo data calibrated to the published figures (Hanoi Plan 78 and its six-month
 * report): synthetic people with plainly fictitious names, loaded in demo mode only.
 */
package vn.socialmap.demo;
