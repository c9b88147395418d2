-- The standard taxonomy every source's categories are mapped onto (issue 3). Analysts may add codes here and
-- map single source texts with category_alias; the original text always stays in incident.category_source.
MERGE INTO category (code, label, category_group) KEY (code) VALUES
    ('homicide', 'Homicide', 'violent'),
    ('rape', 'Rape', 'violent'),
    ('sex_offense', 'Other sex offence', 'violent'),
    ('robbery', 'Robbery', 'violent'),
    ('aggravated_assault', 'Aggravated assault', 'violent'),
    ('assault', 'Assault', 'violent'),
    ('burglary', 'Burglary', 'property'),
    ('theft', 'Theft', 'property'),
    ('theft_from_vehicle', 'Theft from vehicle', 'property'),
    ('vehicle_theft', 'Vehicle theft', 'property'),
    ('stolen_property', 'Stolen property', 'property'),
    ('vandalism', 'Vandalism', 'property'),
    ('arson', 'Arson', 'property'),
    ('fraud', 'Fraud and forgery', 'property'),
    ('drugs', 'Drugs', 'drugs'),
    ('weapons', 'Weapons', 'public_order'),
    ('dui', 'Driving under the influence', 'traffic'),
    ('traffic_accident', 'Traffic accident', 'traffic'),
    ('disorderly', 'Disorderly conduct', 'public_order'),
    ('alcohol', 'Alcohol offence', 'public_order'),
    ('prostitution', 'Prostitution', 'public_order'),
    ('gambling', 'Gambling', 'public_order'),
    ('family', 'Offence against family', 'public_order'),
    ('other', 'Other', 'other');

CREATE TABLE category_alias (
    source_text     VARCHAR(400) PRIMARY KEY,       -- normalised: lower case, single spaces
    code            VARCHAR(64) NOT NULL REFERENCES category(code),
    updated_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
