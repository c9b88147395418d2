-- The point forecast of a count model is its predictive median (a whole count that minimises absolute
-- error); the mean stays in "mean". Older rows had only the mean, which then serves as the point.
ALTER TABLE forecast_point ADD COLUMN point_forecast DOUBLE PRECISION;
UPDATE forecast_point SET point_forecast = mean;
ALTER TABLE forecast_point ALTER COLUMN point_forecast SET NOT NULL;
CREATE INDEX forecast_point_series ON forecast_point(series_key, period);
