"""The Streamlit side of the app: only the modules in this package import Streamlit."""
