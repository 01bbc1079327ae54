//! Tests for the management-system checks.
