-- Hanoi's 2023 plan (seeded from the news of it) said "(11 chỉ tiêu)" in its title while only 4 of its targets are
-- tracked: the chooser read 11 and the table showed 4. The title now says what is tracked of what.
update plan set title = replace(title, '(11 chỉ tiêu)', '(theo dõi 4 trong 11 chỉ tiêu)')
where province_code = '01' and number = 'KH năm 2023' and title like '%(11 chỉ tiêu)';
