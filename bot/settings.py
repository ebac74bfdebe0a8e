"""The one settings object, read from the environment and `.env`."""
from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from typing_extensions import Annotated

IdList = Annotated[frozenset[str], NoDecode]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=True, populate_by_name=True)

    HOST: str = "127.0.0.1"
    PORT: int = 3978
    DATABASE_URL: str = "sqlite+aiosqlite:///data/gapbot.db"
    APP_ID: str = Field("", alias="MicrosoftAppId")
    APP_PASSWORD: str = Field("", alias="MicrosoftAppPassword")
    APP_TYPE: str = Field("MultiTenant", alias="MicrosoftAppType")
    APP_TENANTID: str = Field("", alias="MicrosoftAppTenantId")
    COMMISSIONERS: IdList = frozenset()
    ADMINS: IdList = frozenset()
    LOG_LEVEL: str = "INFO"
    NLP_MODEL: str = ""  # a trained pipeline directory; empty means the shipped nlp/model

    @field_validator("COMMISSIONERS", "ADMINS", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(part.strip() for part in value.split(",") if part.strip())
        return value

    @property
    def auth_enabled(self) -> bool:
        return bool(self.APP_ID)
